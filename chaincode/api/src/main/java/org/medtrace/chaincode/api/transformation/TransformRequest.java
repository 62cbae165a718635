// SPDX-License-Identifier: Apache-2.0
package org.medtrace.chaincode.api.transformation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medtrace.chaincode.api.Check;
import org.medtrace.chaincode.api.Limits;
import org.medtrace.chaincode.api.batch.BatchSpec;
import org.medtrace.chaincode.api.model.Quantity;

/** The request of {@code transformation:transform}. */
public record TransformRequest(String transformationId, List<Input> inputs, List<Output> outputs,
        String processingMethod) {

    /** Validates and normalises every field. */
    public TransformRequest {
        transformationId = Check.reference("transformationId", transformationId);
        inputs = Check.list("inputs", inputs, 1, Limits.TRANSFORMATION_PARTS_MAX);
        outputs = Check.list("outputs", outputs, 1, Limits.TRANSFORMATION_PARTS_MAX);
        processingMethod = Check.text("processingMethod", processingMethod);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!codes.add(inputs.get(i).code())) {
                throw Check.invalid("inputs[" + i + "].code", "'" + inputs.get(i).code() + "' is named twice");
            }
        }
        Set<String> batches = new HashSet<>();
        for (int i = 0; i < outputs.size(); i++) {
            if (!batches.add(outputs.get(i).batch().id())) {
                throw Check.invalid("outputs[" + i + "].batch.id", "'" + outputs.get(i).batch().id()
                        + "' is named twice");
            }
        }
    }

    /**
     * One input: how much of a 中药材 unit goes in.
     *
     * @param code the unit
     * @param quantity how much
     */
    public record Input(String code, Quantity quantity) {
        /** Validates and normalises every field. */
        public Input {
            code = Check.identifier("code", code);
            quantity = Check.positiveQuantity("quantity", quantity);
        }
    }

    /**
     * One output: a 中药饮片 batch and how much of it came out.
     *
     * @param batch the batch, as for batch:register
     * @param quantity how much
     */
    public record Output(BatchSpec batch, Quantity quantity) {
        /** Validates and normalises every field. */
        public Output {
            Check.required("batch", batch);
            quantity = Check.positiveQuantity("quantity", quantity);
            if (batch.quantity() != null && !batch.quantity().equals(quantity)) {
                throw Check.invalid("batch.quantity", "differs from the output quantity; leave it out");
            }
        }
    }
}

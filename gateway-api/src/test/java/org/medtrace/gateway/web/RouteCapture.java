// SPDX-License-Identifier: Apache-2.0
package org.medtrace.gateway.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Test fixture: keeps the application's Vert.x router, so that a test can list the routes registered on it. */
@ApplicationScoped
public class RouteCapture {

    private volatile Router router;

    void capture(@Observes final Router observed) {
        this.router = observed;
    }

    /** @return every route of the router, REST resources' included */
    public List<Route> routes() {
        return router == null ? List.of() : router.getRoutes();
    }
}

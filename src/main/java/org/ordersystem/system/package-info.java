/**
 * App-wide infrastructure, one sub-package per concern, each a named interface that
 * exposes only what other modules use. It knows no business module: error codes, cache
 * names and API texts are declared by the modules that own them.
 */
@ApplicationModule(allowedDependencies = {})
package org.ordersystem.system;

import org.springframework.modulith.ApplicationModule;

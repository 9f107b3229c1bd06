/**
 * The API of Java models: a class implementing {@link dev.mallard.api.JavaModel} in a
 * project's {@code models/} folder. Only the types of this package are meant for model code.
 */
package dev.mallard.api;

/**
 * Graph transforms between parsing and validation (attractor-spec.md section 9.1-9.3): the {@link
 * dev.darkfactory.pipeline.transform.Transform} interface, the built-in variable expansion and
 * stylesheet transforms, and the ordered {@link dev.darkfactory.pipeline.transform.Transforms}
 * chain.
 */
package dev.darkfactory.pipeline.transform;

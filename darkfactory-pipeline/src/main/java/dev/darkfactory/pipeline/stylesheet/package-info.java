/**
 * The model stylesheet of attractor-spec.md section 8: {@link
 * dev.darkfactory.pipeline.stylesheet.StylesheetParser#parse} reads a {@code model_stylesheet} into
 * a {@link dev.darkfactory.pipeline.stylesheet.Stylesheet}, whose {@code resolve(node)} picks the
 * winning declaration per property by specificity, then order.
 */
package dev.darkfactory.pipeline.stylesheet;

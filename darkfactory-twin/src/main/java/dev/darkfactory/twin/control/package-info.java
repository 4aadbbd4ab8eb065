/**
 * The control plane: the same operations from Java ({@link dev.darkfactory.twin.control.TwinControl}) and over
 * HTTP under {@code /__twin/} on every twin's own port ({@link dev.darkfactory.twin.control.ControlPlane}), over a
 * {@link dev.darkfactory.twin.control.StateBackend} that is either in this JVM or an external twin's.
 */
package dev.darkfactory.twin.control;

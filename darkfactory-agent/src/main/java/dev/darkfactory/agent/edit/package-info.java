/**
 * The two editing formats: exact string replacement ({@code edit_file}, §3.3) and v4a patches
 * ({@code apply_patch}, Appendix A), with shared whitespace-tolerant line matching.
 */
package dev.darkfactory.agent.edit;

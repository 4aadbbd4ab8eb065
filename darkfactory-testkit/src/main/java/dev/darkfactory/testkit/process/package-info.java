/**
 * Process checks for tests: {@link dev.darkfactory.testkit.process.PidFile}, so a test checks the processes it
 * started, by PID, rather than searching the machine.
 */
package dev.darkfactory.testkit.process;

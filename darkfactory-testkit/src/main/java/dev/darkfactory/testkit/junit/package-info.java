/**
 * JUnit support shared by every module's tests: {@link dev.darkfactory.testkit.junit.LiveTest}, the one switch for
 * tests that call real providers. Needs JUnit Jupiter on the test class path (the testkit does not bring it).
 */
package dev.darkfactory.testkit.junit;

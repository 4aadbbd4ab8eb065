/**
 * grep and glob for the local environment: ripgrep when installed, an equivalent Java search
 * otherwise, with the same file selection ({@code .gitignore}, hidden files, binary files) and the
 * same output.
 */
package dev.darkfactory.agent.env.search;

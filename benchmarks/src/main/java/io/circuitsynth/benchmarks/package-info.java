/** JMH benchmarks: every operation, Java engine vs native engine, side by side. */
package io.circuitsynth.benchmarks;

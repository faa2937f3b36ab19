/** Implementation details of the {@code io} stage; not API, may change in any release. */
package io.circuitsynth.io.internal;

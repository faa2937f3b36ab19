//! JNI entry points of the `io` stage. Filled by the io work.

//! The `io` stage. Filled by the io work.

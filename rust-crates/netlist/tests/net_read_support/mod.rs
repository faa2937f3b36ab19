//! Test support shared by the `.net` reader's tests and benchmark.

#![allow(dead_code)]

pub mod connectivity;
pub mod dump;
pub mod synthetic;

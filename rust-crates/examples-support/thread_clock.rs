//! This thread's CPU time, for the `measure` examples of the stages (included with `#[path]`):
//! a shared machine disturbs it far less than wall time.

use std::time::Duration;

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
mod linux {
    /// `struct timespec` on 64-bit Linux: `time_t` and `long` are both 64 bits.
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanos: i64,
    }

    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }

    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

    pub fn now() -> Option<std::time::Duration> {
        let mut t = Timespec {
            seconds: 0,
            nanos: 0,
        };
        // SAFETY: `t` is a valid, writable timespec for the call; the C library is linked into
        // every Rust program on Linux.
        let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
        (rc == 0).then(|| std::time::Duration::new(t.seconds as u64, t.nanos as u32))
    }
}

/// This thread's CPU time so far, where the platform tells it.
pub fn cpu_time() -> Option<Duration> {
    #[cfg(all(target_os = "linux", target_pointer_width = "64"))]
    return linux::now();
    #[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
    return None;
}

//! The timing loop the host benchmarks share (`bench_engine`, `bench_chance`): included by
//! each with `#[path]`, since examples cannot depend on one another and the library keeps
//! no clock.

use std::time::Instant;

/// Median and 95th percentile of `runs` calls of `f`, in units of which `per_second`
/// make a second (1e3 for milliseconds, 1e6 for microseconds).
pub fn time<T>(runs: usize, per_second: f64, mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * per_second
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

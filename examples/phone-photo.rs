//! Make photo-like JPEGs as a phone writes them (see `loa::images::sample`): for the
//! demo's pictures, the benchmark and manual tests. Everything it writes is made by the
//! project, from noise and gradients.
//!
//! cargo run --release --example phone-photo -- OUT.jpg [WIDTH HEIGHT [SEED [ORIENTATION [gps]]]]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: phone-photo OUT.jpg [WIDTH HEIGHT [SEED [ORIENTATION [gps]]]]");
        std::process::exit(2);
    };
    let num = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (width, height, seed) = (num(1, 4000) as u32, num(2, 3000) as u32, num(3, 1));
    let exif = loa::images::sample::Exif {
        orientation: args.get(4).and_then(|a| a.parse().ok()),
        // A point in the middle of Hải Phòng, not anyone's home.
        gps: (args.get(5).map(String::as_str) == Some("gps")).then_some((20.8449, 106.6881)),
    };
    let jpeg = loa::images::sample::phone_photo(width, height, seed, exif);
    if let Err(e) = std::fs::write(out, jpeg) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
}

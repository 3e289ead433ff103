//! Writes a synthetic dataset of N parks (the real dataset's metrics, industries, districts and
//! sources; see `src/synthetic.rs`), to look at the views at the sizes the benchmarks measure:
//!
//! ```sh
//! cargo run --release --example synthetic_dataset -- 10000 /tmp/big/parks.ron
//! cp data/beijing-districts.ron /tmp/big/   # the map it names, beside it
//! cargo run --release -- /tmp/big/parks.ron
//! ```

use zgc_atlas::model::{EMBEDDED_DATASET, load_dataset};
use zgc_atlas::synthetic::synthetic_ron;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(parks), Some(out)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: synthetic_dataset PARKS OUT.ron");
    };
    let parks: usize = parks.parse()?;
    let real = load_dataset(EMBEDDED_DATASET, "zgc.ron")?;
    std::fs::write(&out, synthetic_ron(&real, parks))?;
    Ok(())
}

//! The files the Debian package is made of agree with each other: every file
//! `[package.metadata.deb]` names exists, the icons have their sizes, and the desktop entry, the
//! MIME type and the `AppStream` metadata name the same things. Building and installing the package
//! is `scripts/deb-check.sh`'s job; these checks are cheap enough for every `cargo test`.

use std::path::{Path, PathBuf};

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo_file(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The `(source, destination)` of each asset in `[package.metadata.deb]`, one per line there.
fn deb_assets() -> Vec<(String, String)> {
    let manifest = read("Cargo.toml");
    let table = manifest.split("[package.metadata.deb]").nth(1).expect("Cargo.toml has [package.metadata.deb]");
    let assets = table.split("assets = [").nth(1).expect("the deb table lists assets");
    let assets = &assets[..assets.find("\n]").expect("the asset list ends")];
    assets
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.trim().strip_prefix("[\"")?.split('"').collect();
            Some((fields[0].to_owned(), fields[2].to_owned()))
        })
        .collect()
}

/// The value of `key=` in the desktop entry.
fn desktop_value(key: &str) -> String {
    let entry = read("assets/zgc-atlas.desktop");
    let prefix = format!("{key}=");
    entry.lines().find_map(|line| line.strip_prefix(&prefix)).unwrap_or_else(|| panic!("no {key}=")).to_owned()
}

#[test]
fn every_packaged_file_exists_and_the_binary_goes_to_usr_bin() {
    let assets = deb_assets();
    assert!(assets.len() > 10, "{assets:?}");
    for (source, _) in &assets {
        if !source.starts_with("target/") {
            assert!(repo_file(source).is_file(), "[package.metadata.deb] names {source}, which does not exist");
        }
    }
    assert!(assets.contains(&("target/release/zgc-atlas".to_owned(), "usr/bin/".to_owned())));
}

#[test]
fn the_icons_are_square_at_every_size_the_package_installs() {
    let assets = deb_assets();
    for size in [32, 48, 64, 128, 256, 512] {
        let source = format!("assets/icons/zgc-atlas-{size}.png");
        let image = image::open(repo_file(&source)).unwrap_or_else(|err| panic!("{source}: {err}"));
        assert_eq!((image.width(), image.height()), (size, size), "{source}");
        let destination = format!("usr/share/icons/hicolor/{size}x{size}/apps/{}.png", desktop_value("Icon"));
        assert!(assets.contains(&(source.clone(), destination.clone())), "{source} is not installed as {destination}");
    }
}

#[test]
fn the_desktop_entry_mime_type_and_metainfo_name_the_same_things() {
    let mime_type = desktop_value("MimeType");
    let mime_type = mime_type.trim_end_matches(';');
    assert!(read("assets/zgc-atlas-mime.xml").contains(&format!("<mime-type type=\"{mime_type}\">")));
    let metainfo = read("assets/io.github.zgc_atlas.zgc_atlas.metainfo.xml");
    assert!(metainfo.contains(&format!("<mediatype>{mime_type}</mediatype>")));
    assert!(metainfo.contains("<launchable type=\"desktop-id\">zgc-atlas.desktop</launchable>"));
    assert!(metainfo.contains("<id>io.github.zgc_atlas.zgc_atlas</id>"));
    assert!(metainfo.contains(&format!("<binary>{}</binary>", desktop_value("TryExec"))));
    // The window's app id (src/main.rs) is what X11's WM_CLASS and Wayland's app_id carry, which
    // desktops match to the entry to show its name and icon.
    assert_eq!(desktop_value("StartupWMClass"), zgc_atlas::app::APP_ID);
    assert!(read("src/main.rs").contains(".with_app_id(zgc_atlas::app::APP_ID)"));
    // The release in the metainfo is the package's version.
    let version = env!("CARGO_PKG_VERSION");
    assert!(metainfo.contains(&format!("<release version=\"{version}\"")), "add a <release> for {version}");
}

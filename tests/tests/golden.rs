//! The golden test: regenerating from `specs/` in memory reproduces `generated/` byte for byte.

#[test]
fn generated_matches_specs() {
    let root = xtask::project_root();
    if std::env::var_os("UPDATE_EXPECT").is_some() && std::env::var_os("CI").is_none() {
        let outputs = xtask::regen::generate_all(&root).unwrap();
        let changes = xtask::regen::changes(&root, &outputs).unwrap();
        xtask::regen::write(&root, &outputs, &changes).unwrap();
    }
    if let Err(report) = xtask::check_fresh(&root) {
        panic!("{report}");
    }
}

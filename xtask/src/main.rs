//! `cargo xtask`: the project's commands. See README.md.

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use xtask::{drift, generate, regen};

/// Generating a large spec allocates and frees hundreds of megabytes of short-lived token and
/// syntax trees on every core. glibc's allocator spent a third of that time in `malloc` and
/// `free`; mimalloc (its v2 line, whose defaults keep peak memory where glibc's was) cut
/// generation time by 30 to 40 % on the scale benchmark's specs (bench/corpus/results/scale.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: its position in v2's `mi_option_e`, which
/// `libmimalloc-sys` does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of handing it back to the kernel.
///
/// By default mimalloc returns pages that stay free for 10 ms, and the next wave of rendering
/// faults them back in, zeroed: on graph.json that was 10,000 to 15,000 page faults and about
/// a tenth of the run's CPU time. A regeneration is a short-lived process, so keeping the
/// pages costs nothing after it exits, and the peak (what the scale benchmark holds to 10x
/// the spec) is unchanged: it is reached while the memory is in use.
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` only stores a value in mimalloc's option table.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Runs `work` on a rayon pool's thread, where the generator's parallel work runs too.
///
/// mimalloc gives each thread its own heap, and memory one thread frees is reused by that
/// thread only. Run on the main thread, the spec's text, the lowered model and the rendered
/// output's seams took one more heap whose memory the pool's threads could not reuse: a small
/// spec peaked 5 MB higher, and loket.nl's (6 MB) 14 MB higher. The pool's threads get the
/// main thread's 8 MiB stacks: parsing a deeply nested spec recurses. Without a pool (no
/// thread could be started), the work runs where it is.
fn on_the_pool<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new().stack_size(8 << 20).build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project automation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Markdown,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate generated/ from specs/ (atomically; nothing changes on error).
    Regen {
        /// Change nothing; exit 1 and print the diff if generated/ is stale.
        #[arg(long)]
        check: bool,
        /// First set each crate version in specs/<api>/api.toml to the one the spec changes
        /// since HEAD call for (see `cargo xtask drift`).
        #[arg(long, conflicts_with = "check")]
        bump: bool,
    },
    /// Report what changed in each API's spec: breaking changes, and the version bumps they need.
    /// Exits 0 when nothing breaks callers, 1 when something does, 2 on error.
    Drift {
        /// Compare the working tree with the specs at this git revision.
        #[arg(long, default_value = "HEAD", conflicts_with_all = ["old", "new"])]
        base: String,
        /// Compare two specs directly: the old one (a file, or a directory of fragments)...
        #[arg(long, requires = "new")]
        old: Option<std::path::PathBuf>,
        /// ...and the new one.
        #[arg(long, requires = "old")]
        new: Option<std::path::PathBuf>,
        /// With --old/--new: the version the crates generated from the old spec were released
        /// as, so that the report suggests bumps for `<api>-models` and `<api>-client`.
        #[arg(long, requires = "old")]
        version: Option<String>,
        /// With --old/--new: the API's name, as `generate --name` takes it (default: the new
        /// spec's file name, made a crate name: `api.github.com.json` is `api-github-com`).
        #[arg(long, requires = "old")]
        name: Option<String>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
    },
    /// Generate models and client crates for any spec outside specs/, into a directory that
    /// builds on its own (a workspace of the two crates).
    Generate {
        /// The spec: a file, or a directory of fragments.
        #[arg(long)]
        spec: std::path::PathBuf,
        /// The directory to write into (replaced if an earlier `generate` wrote it).
        #[arg(long)]
        out: std::path::PathBuf,
        /// The API's name; the crates are `<name>-models` and `<name>-client`.
        #[arg(long)]
        name: String,
        /// An api.toml for crate names, renames, pagination and client options.
        #[arg(long)]
        config: Option<std::path::PathBuf>,
    },
    /// Run every check CI runs: staleness, formatting, clippy, rustdoc, packaging, and all tests.
    Ci,
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    let result = on_the_pool(|| match cli.command {
        Command::Regen { check, bump } => run_regen(check, bump),
        Command::Drift {
            base,
            old,
            new,
            version,
            name,
            format,
        } => run_drift(
            &base,
            old.zip(new),
            version.as_deref(),
            name.as_deref(),
            format,
        ),
        Command::Generate {
            spec,
            out,
            name,
            config,
        } => {
            let request = generate::Request {
                spec,
                out,
                name,
                config,
            };
            generate::generate(&request).map(|done| {
                println!(
                    "{}: {} types, {} operations, {} files written",
                    request.out.display(),
                    done.types,
                    done.operations,
                    done.files
                );
                print_warnings(&done.warnings);
                print_inferred(&done.inferred_pagination);
                ExitCode::SUCCESS
            })
        }
        Command::Ci => run_ci(),
    });
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run_drift(
    base: &str,
    pair: Option<(std::path::PathBuf, std::path::PathBuf)>,
    version: Option<&str>,
    name: Option<&str>,
    format: Format,
) -> Result<ExitCode> {
    let root = xtask::project_root();
    let drifts = match pair {
        Some((old, new)) => {
            let stem = new.file_stem().map(|s| s.to_string_lossy().into_owned());
            let api = generate::crate_stem(name.or(stem.as_deref()).unwrap_or("api"));
            if name.is_some() && !api.starts_with(|c: char| c.is_ascii_alphabetic()) {
                anyhow::bail!(
                    "`{}` cannot name a crate: it must start with a letter",
                    name.unwrap_or_default()
                );
            }
            // A file stem such as `2024-01-01` becomes `api-2024-01-01`.
            let api = if api.starts_with(|c: char| c.is_ascii_alphabetic()) {
                api
            } else {
                format!("api-{api}")
            };
            vec![drift::between(&old, &new, &api, version)?]
        }
        None => drift::against_revision(&root, base)?,
    };
    let report = match format {
        Format::Markdown => codegen::drift::markdown(&drifts),
        Format::Json => codegen::drift::json(&drifts),
    };
    print!("{report}");
    let breaking = drifts.iter().any(codegen::drift::ApiDrift::is_breaking);
    Ok(if breaking {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_regen(check: bool, bump: bool) -> Result<ExitCode> {
    let root = xtask::project_root();
    if bump {
        let drifts = drift::against_revision(&root, "HEAD")?;
        for line in drift::apply_bumps(&root, &drifts)? {
            println!("bumped {line}");
        }
    }
    let outputs = regen::generate_all(&root)?;
    let changes = regen::changes(&root, &outputs)?;
    for output in &outputs {
        let changed = changes
            .iter()
            .filter(|c| output.files.iter().any(|f| f.path == c.path))
            .count();
        let overlays = if output.overlays.is_empty() {
            String::new()
        } else {
            format!(" (overlays: {})", output.overlays.join(", "))
        };
        println!(
            "{}: {} types, {} operations, {} of {} files {}{overlays}",
            output.id,
            output.types,
            output.operations,
            changed,
            output.files.len(),
            if check { "stale" } else { "changed" }
        );
        print_warnings(&output.warnings);
        print_inferred(&output.inferred_pagination);
    }
    let orphans: Vec<_> = changes.iter().filter(|c| c.new.is_none()).collect();
    if !orphans.is_empty() {
        println!(
            "{} file(s) in generated/ that no spec produces{}",
            orphans.len(),
            if check { "" } else { " (removed)" }
        );
    }
    if check {
        if changes.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        print!("{}", regen::unified_diff(&changes));
        eprintln!("error: generated/ is stale; run `cargo xtask regen`");
        return Ok(ExitCode::FAILURE);
    }
    regen::write(&root, &outputs, &changes)?;
    if drift::specs_changed_since_head(&root) {
        // A one-screen summary of what the spec changes mean for callers.
        match drift::against_revision(&root, "HEAD") {
            Ok(drifts) => print!("\n{}", codegen::drift::summary(&drifts, 12)),
            Err(error) => eprintln!("note: no drift summary: {error:#}"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One cargo invocation of `cargo xtask ci`.
struct Step {
    name: &'static str,
    args: Vec<String>,
    env: &'static [(&'static str, &'static str)],
}

impl Step {
    fn new(name: &'static str, args: &[&str]) -> Step {
        Step {
            name,
            args: args.iter().map(|a| (*a).to_owned()).collect(),
            env: &[],
        }
    }
}

/// Each operation whose pagination was inferred, so a reviewer sees what `pages()` will do
/// and can correct it in the config.
fn print_inferred(operations: &[String]) {
    for operation in operations {
        println!("note: pagination inferred for {operation} (a `[pagination.\"…\"]` table corrects it; `style = \"none\"` turns it off)");
    }
}

/// Each degraded construct on a line of its own, after the summary it belongs to.
fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        println!("warning: {warning}");
    }
}

/// The README's test command: each step must pass, in an order that fails fast on the
/// cheapest checks and ends with the test runner's own summary.
fn run_ci() -> Result<ExitCode> {
    if run_regen(true, false)? != ExitCode::SUCCESS {
        return Ok(ExitCode::FAILURE);
    }
    let root = xtask::project_root();
    let mut package = vec!["package", "--allow-dirty"];
    let crates = generated_crates(&root)?;
    for krate in &crates {
        package.extend(["-p", krate]);
    }
    let steps = [
        // Generated crates carry a rustfmt.toml that turns formatting off: their layout is
        // prettyplease's, and the golden test holds them to it.
        Step::new("fmt", &["fmt", "--all", "--", "--check"]),
        Step::new(
            "clippy",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        Step {
            env: &[("RUSTDOCFLAGS", "-D warnings")],
            ..Step::new("rustdoc", &["doc", "--workspace", "--no-deps"])
        },
        // Every generated crate packaged and built as crates.io would take it, all at once so
        // that each client resolves the models crate packaged beside it.
        Step::new("package", &package),
        Step::new("tests", &["test", "--workspace", "--no-fail-fast"]),
    ];
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for Step { name, args, env } in steps {
        println!("== {name}: cargo {}", args.join(" "));
        let status = std::process::Command::new(&cargo)
            .args(&args)
            .envs(env.iter().copied())
            .current_dir(&root)
            .status()?;
        if !status.success() {
            eprintln!("error: {name} failed");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The crates under `generated/`, by directory name (each is its crate's name).
fn generated_crates(root: &std::path::Path) -> Result<Vec<String>> {
    let mut crates = Vec::new();
    for entry in std::fs::read_dir(root.join("generated"))? {
        let entry = entry?;
        if entry.path().join("Cargo.toml").is_file() {
            crates.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    crates.sort();
    Ok(crates)
}

#[cfg(test)]
mod tests {
    use super::{keep_freed_memory, on_the_pool, MI_OPTION_PURGE_DELAY};
    use libmimalloc_sys::mi_option_get;

    #[test]
    fn freed_memory_is_kept_by_the_option_mimalloc_documents() {
        // The purge delay defaults to 10 (ms); the options on either side default to 1 and 0,
        // so a wrong position would read another value here.
        // SAFETY: reading and writing mimalloc's option table.
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 10);
        keep_freed_memory();
        assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, -1);
    }

    #[test]
    fn commands_run_on_a_pool_thread_with_room_to_recurse() {
        fn depth(n: u64) -> u64 {
            // About 4 KiB of stack per call, which the optimizer cannot drop.
            let frame = std::hint::black_box([n as u8; 4096]);
            if n == 0 {
                u64::from(frame[0])
            } else {
                depth(n - 1) + u64::from(frame[4095])
            }
        }
        // 1,000 frames of 4 KiB overflow a default 2 MiB worker stack.
        let (on_pool, _) = on_the_pool(|| (rayon::current_thread_index().is_some(), depth(1000)));
        assert!(on_pool);
    }
}

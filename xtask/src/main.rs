//! `cargo xtask`: the project's commands. See README.md.

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use xtask::regen;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project automation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate generated/ from specs/ (atomically; nothing changes on error).
    Regen {
        /// Change nothing; exit 1 and print the diff if generated/ is stale.
        #[arg(long)]
        check: bool,
    },
    /// Run every check CI runs: staleness, clippy, rustdoc, and all tests.
    Ci,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Regen { check } => run_regen(check),
        Command::Ci => run_ci(),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run_regen(check: bool) -> Result<ExitCode> {
    let root = xtask::project_root();
    let outputs = regen::generate_all(&root)?;
    let changes = regen::changes(&root, &outputs)?;
    for output in &outputs {
        let changed = changes
            .iter()
            .filter(|c| output.files.iter().any(|f| f.path == c.path))
            .count();
        println!(
            "{}: {} types, {} operations, {} of {} files {}",
            output.id,
            output.types,
            output.operations,
            changed,
            output.files.len(),
            if check { "stale" } else { "changed" }
        );
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
    Ok(ExitCode::SUCCESS)
}

/// One cargo invocation of `cargo xtask ci`.
struct Step {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

/// The README's test command: each step must pass, in an order that fails fast on the
/// cheapest checks and ends with the test runner's own summary.
fn run_ci() -> Result<ExitCode> {
    if run_regen(true)? != ExitCode::SUCCESS {
        return Ok(ExitCode::FAILURE);
    }
    let steps = [
        Step {
            name: "clippy",
            args: &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            env: &[],
        },
        Step {
            name: "rustdoc",
            args: &["doc", "--workspace", "--no-deps"],
            env: &[("RUSTDOCFLAGS", "-D warnings")],
        },
        Step {
            name: "tests",
            args: &["test", "--workspace", "--no-fail-fast"],
            env: &[],
        },
    ];
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for Step { name, args, env } in steps {
        println!("== {name}: cargo {}", args.join(" "));
        let status = std::process::Command::new(&cargo)
            .args(args)
            .envs(env.iter().copied())
            .current_dir(xtask::project_root())
            .status()?;
        if !status.success() {
            eprintln!("error: {name} failed");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

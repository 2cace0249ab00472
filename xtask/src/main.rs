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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Regen { check } => run_regen(check),
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
        let changed = changes.iter().filter(|c| output.files.iter().any(|f| f.path == c.path)).count();
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
        println!("{} file(s) in generated/ that no spec produces{}", orphans.len(), if check { "" } else { " (removed)" });
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

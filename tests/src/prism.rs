//! Prism, a mock server that validates requests against a spec, started on a free local port.
//!
//! The first use installs Prism from `tests/prism/package-lock.json` with `npm ci`. If it
//! cannot be installed or started, the calling test fails with the reason; it never skips.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A running Prism; stopped when dropped.
pub struct Prism {
    child: Child,
    log: PathBuf,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
}

fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("prism")
}

fn binary() -> PathBuf {
    tools_dir().join("node_modules/.bin/prism")
}

/// Installs Prism once per test process.
fn ensure_installed() {
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    let result = INSTALLED.get_or_init(|| {
        if binary().exists() {
            return Ok(());
        }
        let output = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(tools_dir())
            .output()
            .map_err(|e| format!("cannot run npm (is Node.js installed?): {e}"))?;
        if !output.status.success() || !binary().exists() {
            return Err(format!(
                "`npm ci` in {} failed:\n{}{}",
                tools_dir().display(),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(())
    });
    if let Err(reason) = result {
        panic!("Prism is required for the contract tests and could not be installed: {reason}");
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free local port");
    listener.local_addr().expect("local address").port()
}

impl Prism {
    /// Starts `prism mock --errors` for `spec`; `dynamic` adds `-d` (random responses
    /// generated from the schemas instead of the spec's examples).
    pub fn start(spec: &Path, dynamic: bool) -> Prism {
        ensure_installed();
        assert!(spec.is_file(), "no spec at {}", spec.display());
        for _attempt in 0..3 {
            let port = free_port();
            let log = std::env::temp_dir().join(format!("prism-{}-{port}.log", std::process::id()));
            let log_file = std::fs::File::create(&log).expect("create Prism log file");
            let mut command = Command::new(binary());
            command.args([
                "mock",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--errors",
            ]);
            if dynamic {
                command.arg("--dynamic");
            }
            let child = command
                .arg(spec)
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("clone log handle"))
                .stderr(log_file)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start Prism ({}): {e}", binary().display()));
            let mut prism = Prism {
                child,
                log,
                base_url: format!("http://127.0.0.1:{port}"),
            };
            if prism.wait_until_listening(port) {
                return prism;
            }
        }
        panic!(
            "Prism did not start for {} in three attempts",
            spec.display()
        );
    }

    /// Waits for the port to accept connections; `false` if Prism exited (a port race).
    fn wait_until_listening(&mut self, port: u16) -> bool {
        let deadline = Instant::now() + Duration::from_secs(90);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = self.log();
                if log.contains("EADDRINUSE") {
                    return false;
                }
                panic!("Prism exited with {status} before listening:\n{log}");
            }
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "Prism did not listen on port {port} within 90 s:\n{}",
            self.log()
        );
    }

    /// Everything Prism printed so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

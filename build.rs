//! Keeps `generated/` in step with `openapi/`: this is the build script of the generated crate.
//!
//! Cargo runs it before it compiles `generated/`. It fingerprints every input of the generator
//! (the spec, the templates under `openapi/`, the pinned version and the arguments below) and
//! compares that with the stamp the last generation wrote to `generated/.spec-hash`.
//! - Equal: nothing to do. No Java, no generator, no network.
//! - Different, or `OZ_FORCE_GENERATE=1` (what `make generate` sets): it runs the pinned
//!   openapi-generator into a scratch directory, formats the output with rustfmt, replaces the
//!   contents of `generated/` with it and writes the new stamp. Cargo reads the crate's sources
//!   only after this script ends, so the same build compiles the new code.
//!
//! It uses only the standard library: the script runs on every fresh clone, and anything it
//! depended on would be compiled first.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

/// The generator release that `generated/` comes from. `make tools` installs the same one.
const GENERATOR_VERSION: &str = "7.26.0";
/// Arguments that shape the output; part of the fingerprint.
const GENERATOR_ARGS: &[&str] = &[
    "generate",
    "--generator-name",
    "rust-server",
    "--additional-properties",
    "packageName=oz_groups_api,packageVersion=0.1.0,hideGenerationTimestamp=true",
];
/// What the generator must not write (examples, CLI, docs). It reads this file only from its
/// output directory (7.26.0 ignores `--ignore-file-override`), so it is copied there first.
const IGNORE_FILE: &str = "openapi/.openapi-generator-ignore";
/// The stamp file inside `generated/`; the one file there that the generator does not write.
const STAMP: &str = ".spec-hash";

fn main() {
    let generated = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = generated.parent().expect("generated/ lives in the repository root").to_path_buf();
    let openapi = root.join("openapi");

    // rustfmt.toml shapes the formatted output, so it is an input too.
    let mut inputs = input_files(&openapi);
    inputs.push(root.join("rustfmt.toml"));
    for file in &inputs {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    // A template added later must trigger a rerun too.
    println!("cargo:rerun-if-changed={}", openapi.display());
    println!("cargo:rerun-if-changed={}", openapi.join("templates").display());
    println!("cargo:rerun-if-env-changed=OZ_FORCE_GENERATE");

    let fingerprint = fingerprint(&root, &inputs);
    let stamp = generated.join(STAMP);
    let force = env::var("OZ_FORCE_GENERATE").is_ok_and(|v| v == "1");
    let current = fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == fingerprint);
    if current && !force {
        return;
    }

    let generator = find_generator(&root).unwrap_or_else(|| {
        fail(&format!(
            "openapi/ changed and generated/ must be regenerated, but openapi-generator-cli {GENERATOR_VERSION} \
             is not installed: run `make tools` (or `make generate`), then build again"
        ))
    });
    let scratch = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("openapi-generator-output");
    let _ = fs::remove_dir_all(&scratch);
    run_generator(&generator, &root, &scratch);
    format_sources(&scratch, &root.join("rustfmt.toml"));
    replace_contents(&generated, &scratch);
    fs::write(&stamp, format!("{fingerprint}\n"))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", stamp.display())));
}

/// Every file under `openapi/` except the ones that only describe it, sorted for a stable hash.
fn input_files(openapi: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![openapi.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", dir.display())));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_none_or(|ext| ext != "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// FNV-1a (64 bit) over the generator version, its arguments, and each input's path and bytes.
/// Not a security measure: it only has to change when an input changes, identically on every
/// machine and toolchain (which `std`'s hashers do not promise).
fn fingerprint(root: &Path, inputs: &[PathBuf]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes.iter().chain(b"\0") {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(GENERATOR_VERSION.as_bytes());
    for arg in GENERATOR_ARGS {
        feed(arg.as_bytes());
    }
    for file in inputs {
        let relative = file.strip_prefix(root).unwrap_or(file);
        feed(relative.to_string_lossy().as_bytes());
        feed(&fs::read(file).unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", file.display()))));
    }
    format!("{hash:016x} openapi-generator {GENERATOR_VERSION}")
}

/// `OZ_OPENAPI_GENERATOR`, else the project venv's, else one on `PATH`; only the pinned version.
fn find_generator(root: &Path) -> Option<PathBuf> {
    let candidates = [
        env::var_os("OZ_OPENAPI_GENERATOR").map(PathBuf::from),
        Some(root.join(".venv/bin/openapi-generator-cli")),
        Some(PathBuf::from("openapi-generator-cli")),
    ];
    IntoIterator::into_iter(candidates).flatten().find(|candidate| {
        Command::new(candidate)
            .arg("version")
            .output()
            .is_ok_and(|out| out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == GENERATOR_VERSION)
    })
}

fn run_generator(generator: &Path, root: &Path, out: &Path) {
    fs::create_dir_all(out).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", out.display())));
    fs::copy(root.join(IGNORE_FILE), out.join(".openapi-generator-ignore"))
        .unwrap_or_else(|e| fail(&format!("cannot copy {IGNORE_FILE}: {e}")));
    let output = Command::new(generator)
        .current_dir(root)
        .args(GENERATOR_ARGS)
        .arg("--input-spec")
        .arg("openapi/openapi.yaml")
        .arg("--template-dir")
        .arg("openapi/templates")
        .arg("--output")
        .arg(out)
        .output()
        .unwrap_or_else(|e| fail(&format!("cannot run {}: {e}", generator.display())));
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stdout));
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        fail("openapi-generator failed on openapi/openapi.yaml (its output is above)");
    }
}

/// rustfmt every generated source, with the repository's rustfmt.toml (named explicitly: the
/// scratch directory may live outside the repository), so that `cargo fmt --check` holds for
/// the whole workspace.
fn format_sources(dir: &Path, config: &Path) {
    let mut sources = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                sources.push(path);
            }
        }
    }
    sources.sort();
    let rustfmt = env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let status = Command::new(rustfmt)
        .args(["--edition", "2018", "--config-path"])
        .arg(config)
        .args(&sources)
        .status()
        .unwrap_or_else(|e| fail(&format!("cannot run rustfmt: {e}")));
    if !status.success() {
        fail("rustfmt failed on the generated sources");
    }
}

/// Makes `generated/` hold exactly what the generator wrote (plus the stamp, written after).
fn replace_contents(generated: &Path, fresh: &Path) {
    for entry in fs::read_dir(generated).into_iter().flatten().flatten() {
        let path = entry.path();
        let removed = if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
        removed.unwrap_or_else(|e| fail(&format!("cannot remove {}: {e}", path.display())));
    }
    copy_tree(fresh, generated);
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", to.display())));
    for entry in fs::read_dir(from).into_iter().flatten().flatten() {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst);
        } else {
            fs::copy(&src, &dst).unwrap_or_else(|e| fail(&format!("cannot copy {}: {e}", src.display())));
        }
    }
}

/// One clear line on stderr, and the build stops.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(1)
}

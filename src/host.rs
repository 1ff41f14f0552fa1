//! The host: everything pysim needs from the outside world, behind one trait.
//!
//! The core library never touches the file system, processes, threads or
//! clocks (it must build for wasm32-unknown-unknown). The CLI implements
//! [`Host`] over the real file system and stdio; the browser implements it
//! over an in-memory file set and JS callbacks; tests implement it in memory.

/// Output and module sources, as the program sees them.
pub trait Host {
    /// Write to the program's stdout.
    fn write_stdout(&mut self, text: &str);
    /// Write to the program's stderr.
    fn write_stderr(&mut self, text: &str);
    /// Read a source file by path (relative to the script's folder or a
    /// `sys.path` entry). None when it does not exist.
    fn read_source(&mut self, path: &str) -> Option<String>;
    /// Replaces the whole contents of the text file at `path` (`open()` for
    /// writing). The error text becomes the OSError's message.
    fn write_file(&mut self, path: &str, text: &str) -> Result<(), String> {
        let _ = (path, text);
        Err("Read-only file system".into())
    }
    /// Whether `path` is a directory (for package lookup).
    fn is_dir(&mut self, path: &str) -> bool;
    /// The working directory as the program sees it (`os.getcwd()`); paths
    /// the core builds are relative to it when it is empty.
    fn cwd(&mut self) -> String {
        String::new()
    }
}

/// A host that keeps output in memory and serves sources from a map: for tests and the browser.
#[derive(Debug, Default, Clone)]
pub struct MemoryHost {
    pub stdout: String,
    pub stderr: String,
    pub files: std::collections::BTreeMap<String, String>,
    /// What `os.getcwd()` returns; empty (the default) keeps every path
    /// relative to the folder of the files.
    pub cwd: String,
}

impl Host for MemoryHost {
    fn write_stdout(&mut self, text: &str) {
        self.stdout.push_str(text);
    }
    fn write_stderr(&mut self, text: &str) {
        self.stderr.push_str(text);
    }
    fn read_source(&mut self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }
    fn write_file(&mut self, path: &str, text: &str) -> Result<(), String> {
        self.files.insert(path.to_string(), text.to_string());
        Ok(())
    }
    fn is_dir(&mut self, path: &str) -> bool {
        let prefix = format!("{}/", path.trim_end_matches('/'));
        self.files.keys().any(|k| k.starts_with(&prefix))
    }
    fn cwd(&mut self) -> String {
        self.cwd.clone()
    }
}

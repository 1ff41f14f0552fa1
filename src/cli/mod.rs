//! The command-line subcommands beyond `run` and `dis` (binary only: these
//! read files and stdin, which the library core never does).

pub mod exercises;
pub mod export;
pub mod trace_cmds;

//! Command-line modules of the `pysim` binary beyond `run` and `dis`.

pub mod trace_cmds;

//! A construct outside pysim's subset inside an *imported* module stops the
//! program like one in the main script: exit status 2 and a message naming
//! the construct, the module's file and the line (not an internal error).

use std::process::Command;

#[test]
fn unsupported_construct_in_imported_module_exits_2() {
    let dir = std::env::temp_dir().join(format!("pysim-unsupported-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("main.py"),
        "print('before')\nimport helper\nprint('after')\n",
    )
    .expect("write main.py");
    std::fs::write(dir.join("helper.py"), "x = 1\nasync def f():\n    pass\n")
        .expect("write helper.py");
    let out = Command::new(env!("CARGO_BIN_EXE_pysim"))
        .args(["run", "main.py"])
        .current_dir(&dir)
        .output()
        .expect("run pysim");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(stdout, "before\n");
    assert!(
        stderr.contains("'async' is outside the Python subset pysim models")
            && stderr.contains("helper.py, line 2"),
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("internal error"), "stderr: {stderr}");
}

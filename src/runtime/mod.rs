//! The runtime: heap, objects, the VM and its event hook.

pub mod alloc;
pub mod events;
pub mod heap;
pub mod inspect;
pub mod object;
pub mod pymalloc;
pub mod types;
pub mod vm;

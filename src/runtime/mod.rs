//! The runtime: heap, objects, the VM and its event hook.

pub mod events;
pub mod heap;
pub mod inspect;
pub mod object;
pub mod vm;

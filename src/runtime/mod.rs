//! The runtime: heap, objects, the VM and its event hook.

pub mod alloc;
pub mod dict_table;
pub mod events;
pub mod gc;
pub mod heap;
pub mod imports;
pub mod inspect;
pub mod memory;
pub mod memory_storage;
pub mod modules;
pub mod object;
pub mod pymalloc;
pub mod shared_keys;
pub mod tracemalloc;
pub mod types;
pub mod vm;
pub mod weakref;
pub mod weakref_proxy;

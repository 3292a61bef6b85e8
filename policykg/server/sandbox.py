"""Limits the kernel enforces on the code that evaluates SPARQL: no network socket, bounded memory.

``forbid_network`` installs a seccomp filter that makes ``socket()`` fail with EPERM for every address family
but AF_UNIX, in the calling thread and every thread or process it starts afterwards. Oxigraph's HTTP client
(SERVICE, LOAD) then cannot connect whatever text reached it; AF_UNIX stays open for the pipes to the server.
Linux on x86-64 and aarch64 only: elsewhere it returns False and the parse check (checks.py) stands alone.
"""
from __future__ import annotations

import ctypes
import platform
import resource
import struct
import sys

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_EPERM = 1
_AF_UNIX = 1
# BPF opcodes: load a word of seccomp_data, compare and jump, return.
_LD_ABS = 0x00 | 0x00 | 0x20
_JEQ = 0x05 | 0x10 | 0x00
_RET = 0x06 | 0x00
# seccomp_data: int nr (offset 0), u32 arch (4), u64 instruction_pointer (8), u64 args[6] (16...)
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
"""Machine → (AUDIT_ARCH value, socket syscall number)."""


def _statement(code: int, k: int) -> bytes:
    return struct.pack("HBBI", code, 0, 0, k)


def _jump(k: int, if_true: int, if_false: int) -> bytes:
    return struct.pack("HBBI", _JEQ, if_true, if_false, k)


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_network() -> bool:
    """Make socket() of any family but AF_UNIX fail in this thread and its descendants; whether it is in force."""
    machine = platform.machine().lower()
    if not sys.platform.startswith("linux") or machine not in _ARCHES:
        return False
    arch, socket_call = _ARCHES[machine]
    program = b"".join([
        _statement(_LD_ABS, 4), _jump(arch, 1, 0),            # another ABI (x32, i386 compat): refuse outright
        _statement(_RET, _SECCOMP_RET_ERRNO | _EPERM),
        _statement(_LD_ABS, 0), _jump(socket_call, 0, 3),     # not socket(): allow
        _statement(_LD_ABS, 16), _jump(_AF_UNIX, 1, 0),       # socket(AF_UNIX, ...): allow
        _statement(_RET, _SECCOMP_RET_ERRNO | _EPERM),
        _statement(_RET, _SECCOMP_RET_ALLOW),
    ])
    buffer = ctypes.create_string_buffer(program)
    filter_program = _Program(len(program) // 8, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(filter_program), 0, 0) == 0


def limit_memory(mebibytes: int) -> None:
    """Cap this process's data memory (heap and anonymous mappings): past it, allocation fails."""
    if mebibytes > 0:
        limit = mebibytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

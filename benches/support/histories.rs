//! Git histories written as a `git fast-import` stream: any length, built in seconds, the same
//! on every machine.
//!
//! Shared by the benchmarks and by tests that include it by path. Only the stream is made here;
//! whoever runs `git fast-import` on it chooses the environment git runs in.
#![allow(dead_code)]

use std::io::Write as _;

/// A stream of commits for `git fast-import`.
#[derive(Default)]
pub struct Stream {
    bytes: Vec<u8>,
    marks: usize,
}

/// Who made a commit and when: seconds since the epoch and the offset, as `+0200`.
#[derive(Clone, Copy, Debug)]
pub struct Signature<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub when: i64,
    pub offset: &'a str,
}

/// One commit: its branch, parents (marks of earlier commits; the first is the first parent),
/// author, committer, message and the files it writes (`Some(bytes)`) or deletes (`None`).
pub struct Commit<'a> {
    pub branch: &'a str,
    pub parents: &'a [usize],
    pub author: Signature<'a>,
    pub committer: Signature<'a>,
    pub message: &'a str,
    pub files: &'a [(String, Option<Vec<u8>>)],
}

impl Stream {
    pub fn new() -> Self {
        Stream::default()
    }

    /// Adds a commit; returns its mark, for later commits to name as a parent.
    pub fn commit(&mut self, commit: &Commit) -> usize {
        self.marks += 1;
        let mark = self.marks;
        let out = &mut self.bytes;
        let _ = writeln!(out, "commit refs/heads/{}\nmark :{mark}", commit.branch);
        for (role, who) in [("author", commit.author), ("committer", commit.committer)] {
            let _ = writeln!(
                out,
                "{role} {} <{}> {} {}",
                who.name, who.email, who.when, who.offset
            );
        }
        data(out, commit.message.as_bytes());
        for (i, parent) in commit.parents.iter().enumerate() {
            let verb = if i == 0 { "from" } else { "merge" };
            let _ = writeln!(out, "{verb} :{parent}");
        }
        for (path, content) in commit.files {
            match content {
                Some(bytes) => {
                    let _ = writeln!(out, "M 100644 inline {path}");
                    data(out, bytes);
                }
                None => {
                    let _ = writeln!(out, "D {path}");
                }
            }
        }
        out.push(b'\n');
        mark
    }

    /// The stream, to feed to `git fast-import`.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

fn data(stream: &mut Vec<u8>, bytes: &[u8]) {
    let _ = writeln!(stream, "data {}", bytes.len());
    stream.extend_from_slice(bytes);
    stream.push(b'\n');
}

/// SplitMix64: small, fast, and the same numbers on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

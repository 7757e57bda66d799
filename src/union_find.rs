//! Disjoint sets over `0..n`, the one union-find of the crate: the identity registry joins the
//! names of one source with it, and the near-duplicate index the claims that repeat each other.
//!
//! The smaller index stays a set's root, so a root is the set's first member: ids given by root
//! follow first mentions. Path halving keeps `find` near constant in practice. It knows nothing
//! of names or claims.

/// Disjoint sets over `0..n`.
#[derive(Debug, Clone, Default)]
pub struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        let n = u32::try_from(n).expect("fewer than 2^32 members");
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// Adds a singleton set `{len}` and returns its member (a registry that grows batch by
    /// batch adds its new names or claims this way).
    pub fn push(&mut self) -> usize {
        let n = self.parent.len();
        self.parent
            .push(u32::try_from(n).expect("fewer than 2^32 members"));
        n
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.parent.capacity() * std::mem::size_of::<u32>()
    }

    /// The root of `x`'s set: its smallest member.
    pub fn find(&mut self, x: usize) -> usize {
        let mut x = x as u32;
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x as usize
    }

    /// Joins the sets of `a` and `b`; the smaller root stays the root.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (root, child) = (a.min(b), a.max(b));
            self.parent[child] = root as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;

    #[test]
    fn joins_transitively_and_the_first_member_is_the_root() {
        let mut uf = UnionFind::new(5);
        uf.union(3, 4);
        uf.union(1, 4);
        uf.union(0, 2);
        assert_eq!(uf.find(4), 1);
        assert_eq!(uf.find(3), 1);
        assert_eq!(uf.find(2), 0);
        assert_ne!(uf.find(0), uf.find(1));
    }
}

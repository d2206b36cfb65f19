//! The open connections, oldest first, so that a new connection arriving at the cap can make
//! room by closing the oldest one that is only waiting (idle, its head still arriving, or its
//! request's body still arriving: `Activity::is_waiting`) rather than being refused.
//! Connections that hold a slot while the server waits for them are exactly what an attacker
//! holds; a request the server is working on is never cut to make room.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::Notify;

use super::Activity;

#[derive(Default)]
pub struct Registry {
    next: Mutex<(u64, BTreeMap<u64, Arc<Activity>>)>,
    /// Notified when the last open connection leaves.
    emptied: Notify,
}

impl Registry {
    /// Records an open connection until the returned entry is dropped.
    pub fn enter(self: &Arc<Self>, activity: Arc<Activity>) -> Entry {
        let mut guard = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        let (next, open) = &mut *guard;
        let id = *next;
        *next += 1;
        open.insert(id, activity);
        Entry { registry: self.clone(), id }
    }

    /// Asks the oldest waiting connection to close; false if every open connection has a
    /// request in flight (or is already being closed).
    pub fn evict_one(&self) -> bool {
        let guard = self.next.lock().unwrap_or_else(PoisonError::into_inner);
        let victim = guard.1.values().find(|a| a.is_waiting() && a.claim());
        match victim {
            Some(activity) => {
                activity.evict.notify_one();
                true
            }
            None => false,
        }
    }

    /// Resolves once no connection is open: the drain's end.
    pub async fn closed(&self) {
        loop {
            let emptied = self.emptied.notified();
            tokio::pin!(emptied);
            // Registered before the count is read, so the last one leaving after the read wakes it.
            emptied.as_mut().enable();
            if self.next.lock().unwrap_or_else(PoisonError::into_inner).1.is_empty() {
                return;
            }
            emptied.await;
        }
    }
}

/// An open connection's place in the registry; leaves it when dropped.
pub struct Entry {
    registry: Arc<Registry>,
    id: u64,
}

impl Drop for Entry {
    fn drop(&mut self) {
        let mut guard = self.registry.next.lock().unwrap_or_else(PoisonError::into_inner);
        guard.1.remove(&self.id);
        if guard.1.is_empty() {
            self.registry.emptied.notify_waiters();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_waiting_connection_is_evicted_and_busy_ones_never_are() {
        let registry = Arc::new(Registry::default());
        let (busy, waiting_old, waiting_new) = (Activity::new(), Activity::new(), Activity::new());
        let _request = busy.begin();
        let _entries =
            [registry.enter(busy.clone()), registry.enter(waiting_old.clone()), registry.enter(waiting_new.clone())];
        assert!(registry.evict_one());
        assert!(!waiting_old.claim(), "the oldest waiting connection was claimed");
        assert!(waiting_new.claim(), "the newer one was not");
        assert!(busy.claim(), "the busy one was not");
        busy.spare();
        waiting_new.spare();
        assert!(registry.evict_one());
        assert!(!waiting_new.claim(), "then the newer waiting one, over the busy one");
        assert!(!registry.evict_one(), "nothing left that waits and is unclaimed");
    }

    #[test]
    fn a_connection_whose_every_request_waits_for_its_body_is_waiting() {
        let registry = Arc::new(Registry::default());
        let trickling = Activity::new();
        let (_first, _second) = (trickling.begin(), trickling.begin());
        let _entry = registry.enter(trickling.clone());
        trickling.stall(true);
        assert!(!registry.evict_one(), "one of its two requests is being worked on");
        trickling.stall(true);
        assert!(registry.evict_one(), "both wait for the client");
        assert!(!trickling.claim(), "it was claimed");
        trickling.spare();
        trickling.stall(false);
        assert!(!trickling.is_waiting(), "a body's bytes came: working on it again");
    }

    #[tokio::test]
    async fn closed_resolves_when_the_last_connection_leaves_and_not_before() {
        let registry = Arc::new(Registry::default());
        let (first, second) = (registry.enter(Activity::new()), registry.enter(Activity::new()));
        let waiting = tokio::spawn({
            let registry = registry.clone();
            async move { registry.closed().await }
        });
        drop(first);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "resolved with a connection still open");
        drop(second);
        tokio::time::timeout(std::time::Duration::from_secs(5), waiting).await.expect("resolved").unwrap();
        // And at once when nothing is open.
        tokio::time::timeout(std::time::Duration::from_secs(5), registry.closed()).await.expect("resolved");
    }

    #[test]
    fn a_closed_connection_leaves_the_registry() {
        let registry = Arc::new(Registry::default());
        let entry = registry.enter(Activity::new());
        drop(entry);
        assert!(!registry.evict_one());
    }
}

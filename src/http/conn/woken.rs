//! `OnWake`: a future that rarely resolves, polled only when its own waker fires rather than on
//! every wake-up of the connection task that holds it.
//!
//! Why: a connection's task also watches the server's stop signal and the registry's eviction,
//! both tokio `Notify`s, whose `Notified` takes the `Notify`'s mutex on every poll. The stop
//! signal's is shared by every connection, so polling it on each wake-up (twice a request) had
//! the two workers take turns on one lock: with hyper's graceful watch, about 5 % of a rejected
//! join's server CPU (docs/benchmark.md).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use atomic_waker::AtomicWaker;

/// `future`, polled on its first poll and then only after it has woken its waker.
pub struct OnWake<F> {
    future: Pin<Box<F>>,
    flag: Arc<Flag>,
    /// The waker handed to `future`: it sets `flag` and wakes the task that polls this.
    waker: Waker,
}

struct Flag {
    woken: AtomicBool,
    task: AtomicWaker,
}

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
        self.task.wake();
    }
}

impl<F: Future> OnWake<F> {
    pub fn new(future: F) -> Self {
        let flag = Arc::new(Flag { woken: AtomicBool::new(true), task: AtomicWaker::new() });
        let waker = Waker::from(flag.clone());
        Self { future: Box::pin(future), flag, waker }
    }
}

impl<F: Future> Future for OnWake<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        // The task's waker is registered before the flag is read: a wake after the read wakes
        // the task again, and one before it is seen now.
        this.flag.task.register(cx.waker());
        if !this.flag.woken.swap(false, Ordering::SeqCst) {
            return Poll::Pending;
        }
        this.future.as_mut().poll(&mut Context::from_waker(&this.waker))
    }
}

impl<F> Unpin for OnWake<F> {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// Counts its polls; pending until `ready` is notified.
    struct Counted<'a> {
        polls: &'a AtomicUsize,
        inner: Pin<Box<tokio::sync::futures::Notified<'a>>>,
    }

    impl Future for Counted<'_> {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            self.polls.fetch_add(1, Ordering::SeqCst);
            self.inner.as_mut().poll(cx)
        }
    }

    #[tokio::test]
    async fn the_inner_future_is_polled_once_then_only_when_it_is_woken() {
        let (polls, ready) = (AtomicUsize::new(0), tokio::sync::Notify::new());
        let mut watched = OnWake::new(Counted { polls: &polls, inner: Box::pin(ready.notified()) });
        let waker = futures::task::noop_waker();
        let mut cx = Context::from_waker(&waker);
        for _ in 0..5 {
            assert!(Pin::new(&mut watched).poll(&mut cx).is_pending());
        }
        assert_eq!(polls.load(Ordering::SeqCst), 1, "polled again without being woken");
        ready.notify_waiters();
        assert!(Pin::new(&mut watched).poll(&mut cx).is_ready());
        assert_eq!(polls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_wake_of_the_inner_future_wakes_the_task() {
        let ready = Arc::new(tokio::sync::Notify::new());
        let task = tokio::spawn({
            let ready = ready.clone();
            async move { OnWake::new(async move { ready.notified().await }).await }
        });
        tokio::task::yield_now().await;
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        ready.notify_waiters();
        tokio::time::timeout(std::time::Duration::from_secs(5), task).await.expect("woken").unwrap();
    }

    /// Pending until `target` wakes have been counted; each poll hands its waker to `slot`.
    struct Wakes {
        count: Arc<AtomicUsize>,
        slot: Arc<std::sync::Mutex<Option<Waker>>>,
        target: usize,
    }

    impl Future for Wakes {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            *self.slot.lock().unwrap() = Some(cx.waker().clone());
            match self.count.load(Ordering::SeqCst) >= self.target {
                true => Poll::Ready(()),
                false => Poll::Pending,
            }
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_wake_is_lost_when_wakes_race_the_polls() {
        const WAKES: usize = 20_000;
        let (count, slot) = (Arc::new(AtomicUsize::new(0)), Arc::new(std::sync::Mutex::new(None::<Waker>)));
        let inner = Wakes { count: count.clone(), slot: slot.clone(), target: WAKES };
        // The task also wakes itself often, as a connection's task does for its own reasons.
        let task = tokio::spawn(async move {
            let mut watched = OnWake::new(inner);
            std::future::poll_fn(|cx| {
                if let Poll::Ready(()) = Pin::new(&mut watched).poll(cx) {
                    return Poll::Ready(());
                }
                if rand::random::<u8>() < 64 {
                    cx.waker().wake_by_ref();
                }
                Poll::Pending
            })
            .await
        });
        let waker_thread = std::thread::spawn(move || {
            for _ in 0..WAKES {
                count.fetch_add(1, Ordering::SeqCst);
                if let Some(w) = slot.lock().unwrap().clone() {
                    w.wake();
                }
                if rand::random::<u8>() < 16 {
                    std::thread::yield_now();
                }
            }
        });
        tokio::time::timeout(std::time::Duration::from_secs(20), task).await.expect("a wake was lost").unwrap();
        waker_thread.join().unwrap();
    }
}

//! Nested groups across instances and levels (issue 12 points 2, 3 and 5).

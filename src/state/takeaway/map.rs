//! The takeaway sentence of the map.

//! The takeaway sentences of the Compare view's plots (ranked bars, time series, scatter,
//! industry matrix).

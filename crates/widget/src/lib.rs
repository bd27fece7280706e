//! redress-widget: the shopper widget.

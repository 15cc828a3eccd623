#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The few libm functions the UI needs (log sliders, arc icons), named so no other file imports
// the C library.
@inline(__always) func uiLog(_ x: Float) -> Float { logf(x) }
@inline(__always) func uiExp(_ x: Float) -> Float { expf(x) }
@inline(__always) func uiSin(_ x: Float) -> Float { sinf(x) }
@inline(__always) func uiCos(_ x: Float) -> Float { cosf(x) }

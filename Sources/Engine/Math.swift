#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Scalar math from the C library, named so the rest of the engine does not import Glibc itself.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }

/// Scalar math the datasets and visualizations share (libm, double precision).
public enum Scalar {
  public static func sin(_ x: Double) -> Double { _sin(x) }
  public static func cos(_ x: Double) -> Double { _cos(x) }
  public static func exp(_ x: Double) -> Double { _exp(x) }
  public static func log(_ x: Double) -> Double { _log(x) }
  public static func atan2(_ y: Double, _ x: Double) -> Double {
    #if canImport(Glibc)
      Glibc.atan2(y, x)
    #else
      Darwin.atan2(y, x)
    #endif
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// exp from the C library, named so the rest of the engine does not import Glibc itself.
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }

/// Scalar math the datasets and visualizations share, in double precision. sin, cos and log are
/// our own (`DeterministicTrig`, `DeterministicLog`: the same bits on every machine, within about
/// half an ulp); exp and atan2 are the C library's (no data or training bits depend on them).
public enum Scalar {
  public static func sin(_ x: Double) -> Double { DeterministicTrig.sin(x) }
  public static func cos(_ x: Double) -> Double { DeterministicTrig.cos(x) }
  public static func exp(_ x: Double) -> Double { _exp(x) }
  public static func log(_ x: Double) -> Double { DeterministicLog.log(x) }
  public static func atan2(_ y: Double, _ x: Double) -> Double {
    #if canImport(Glibc)
      Glibc.atan2(y, x)
    #else
      Darwin.atan2(y, x)
    #endif
  }
}

"""thinc ops whose matrix product is numpy's (BLAS) instead of blis.

On this project's machines numpy's gemm runs several times faster than thinc's bundled blis kernel,
and the pipeline as a whole about 1.5x faster, with the same tags, parses and entities (a test checks
that both paths give identical analyses). Switched by config.fast_gemm_enabled().

numpy's BLAS (OpenBLAS) is held to one thread: spaCy's matrices are small, and OpenBLAS's worker
threads spin on the other cores. Measured on this 2-core machine while another process was busy:
numpy gemm with one thread ran the pipeline at 7.6-8.0k words/s against blis's 5.3-5.6k, with
OpenBLAS's default threads at 1.8-3.3k, slower than blis. One thread also leaves a core to the window.
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits


class NumpyGemmOps(NumpyOps):
    name = "numpy_gemm"

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.dot(x, y)
        numpy.dot(x, y, out=out)
        return out


def use_fast_gemm(enabled: bool) -> None:
    """Set thinc's current ops; must run before a pipeline is loaded, since models keep the ops they load with."""
    current = get_current_ops()
    if enabled and not isinstance(current, NumpyGemmOps):
        threadpool_limits(limits=1, user_api="blas")
        set_current_ops(NumpyGemmOps())
    elif not enabled and isinstance(current, NumpyGemmOps):
        set_current_ops(NumpyOps())

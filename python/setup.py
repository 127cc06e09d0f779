"""Only the wheel's tag lives here (pyproject.toml has the rest): the package
carries a compiled news.so, so the wheel is for this platform (e.g.
py3-none-linux_x86_64): any Python 3 and no Python ABI, but one OS and CPU."""
from setuptools import setup
from setuptools.dist import Distribution
from wheel.bdist_wheel import bdist_wheel


class NativeLibraryDistribution(Distribution):
    """Holds a native library: installed in platlib, the wheel not pure."""

    def has_ext_modules(self):
        return True


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        return "py3", "none", super().get_tag()[2]


setup(distclass=NativeLibraryDistribution, cmdclass={"bdist_wheel": PlatformWheel})

"""Helpers shared by the bench-inventory scripts: AWS clients for moto, JSON files, progress lines."""

import functools
import json
import os
import sys
import urllib.request

import boto3
from botocore.config import Config

# moto accepts any credentials; these name no real account.
TEST_CREDENTIALS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


def aws_client(service, endpoint, region, pool=10, retries=3):
    """A boto3 client for one service of the emulator at endpoint."""
    cfg = Config(retries={"max_attempts": retries, "mode": "standard"}, max_pool_connections=pool)
    return boto3.client(service, endpoint_url=endpoint, region_name=region, config=cfg, **TEST_CREDENTIALS)


def read_json(path):
    with open(path) as f:
        return json.load(f)


def write_json(path, value, indent=2):
    with open(path, "w") as f:
        json.dump(value, f, indent=indent)


def log(message):
    """A progress line on stderr (stdout carries the results)."""
    print(f"==> {message}", file=sys.stderr)


def api_call(url, method="GET", timeout=30):
    """A request to the service; with BENCH_TOKEN_FILE set, its API token goes in the Authorization header."""
    request = urllib.request.Request(url, method=method)
    token = _token()
    if token:
        request.add_header("Authorization", "Bearer " + token)
    return urllib.request.urlopen(request, timeout=timeout)


@functools.cache
def _token():
    """The token of BENCH_TOKEN_FILE, read once: the pollers call every 0.1 s and their CPU time is measured."""
    token_file = os.environ.get("BENCH_TOKEN_FILE")
    if not token_file:
        return None
    with open(token_file) as f:
        return f.read().strip()


def management_url(api):
    """Where /q/metrics is: BENCH_MANAGEMENT_URL (the management interface), else the API's own address."""
    return os.environ.get("BENCH_MANAGEMENT_URL", api)

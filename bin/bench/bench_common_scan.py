"""Helpers shared by bin/bench-scan's Python steps (bin/bench/scan_*.py)."""
import boto3
from botocore.config import Config


def moto_ec2(endpoint, region):
    """An EC2 client for moto: any credentials, one attempt and a long read timeout (a retry would only make
    moto do the work twice)."""
    return boto3.client("ec2", endpoint_url=endpoint, region_name=region, aws_access_key_id="test",
                        aws_secret_access_key="test",
                        config=Config(retries={"total_max_attempts": 1}, read_timeout=900))

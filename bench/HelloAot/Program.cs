// The smallest Native AOT program that writes to stdout: what "start-up" costs before any zwarm code runs.
Console.WriteLine("hello");
return 0;

import layer2
